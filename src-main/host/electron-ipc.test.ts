import type { BrowserWindow, IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { Result } from '../../src-shared/ipc/result';
import { createEventHub } from '../ipc/events';
import type { Router } from '../ipc/router';
import { sessionContract } from '../../src-shared/domains/session/session.contract';
import { isTrustedSender, registerElectronIpc } from './electron-ipc';

describe('isTrustedSender', () => {
  it('accepts the top frame on app://bundle', () => {
    expect(isTrustedSender('app://bundle/index.html', true)).toBe(true);
    expect(isTrustedSender('app://bundle/', true)).toBe(true);
    expect(isTrustedSender('app://bundle/index.html#/vault?x=1', true)).toBe(true);
  });

  it('refuses subframes even on our origin', () => {
    expect(isTrustedSender('app://bundle/index.html', false)).toBe(false);
  });

  it.each([
    'app://evil/index.html',
    'app://bundle.evil/index.html',
    'app://bundle:8080/index.html',
    'app://user@bundle/index.html',
    'app://user:pw@bundle/index.html',
    'app://BUNDLE/index.html',
    'app:bundle/index.html',
    'app:///bundle/index.html',
    'https://bundle/index.html',
    'http://127.0.0.1:5173/index.html',
    'file:///app/dist/renderer/index.html',
    'about:blank',
    'data:text/html,app://bundle/',
    'javascript:alert(1)//app://bundle',
    'appx://bundle/index.html',
    '',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isTrustedSender(url, true)).toBe(false);
  });
});

/** A fake main window whose top frame is `mainFrame`, plus ipcMain that records handlers. */
function setup() {
  const mainFrame = { url: 'app://bundle/index.html' };
  const childFrame = { url: 'app://bundle/index.html' };
  const webContents = { mainFrame, send: vi.fn() };
  const win = { webContents, isDestroyed: () => false } as unknown as BrowserWindow;
  const handlers = new Map<string, (event: IpcMainInvokeEvent, input: unknown) => Promise<unknown>>();
  const ipcMain = {
    handle: vi.fn((channel: string, fn: (event: IpcMainInvokeEvent, input: unknown) => Promise<unknown>) => void handlers.set(channel, fn)),
    removeHandler: vi.fn((channel: string) => void handlers.delete(channel)),
  };
  const dispatch = vi.fn(async (channel: string, input: unknown): Promise<Result<unknown>> => ({ ok: true, value: { channel, input } }));
  const router = { channels: () => ['session:status', 'session:lock'], dispatch, has: () => true, register: vi.fn() } as unknown as Router;
  const events = createEventHub();
  let current: BrowserWindow | null = win;
  const undo = registerElectronIpc({ ipcMain, router, events, getWindow: () => current });
  const event = (sender: unknown, senderFrame: unknown) => ({ sender, senderFrame }) as unknown as IpcMainInvokeEvent;
  const call = (channel: string, e: IpcMainInvokeEvent, input?: unknown) => handlers.get(channel)!(e, input);
  return { mainFrame, childFrame, webContents, handlers, ipcMain, dispatch, events, undo, event, call, closeWindow: () => (current = null) };
}

describe('registerElectronIpc', () => {
  it('registers exactly the router channels, and nothing generic', () => {
    const t = setup();
    expect([...t.handlers.keys()]).toEqual(['session:status', 'session:lock']);
  });

  it('dispatches calls from the main window top frame with the electron transport', async () => {
    const t = setup();
    const result = await t.call('session:status', t.event(t.webContents, t.mainFrame), { a: 1 });
    expect(result).toEqual({ ok: true, value: { channel: 'session:status', input: { a: 1 } } });
    expect(t.dispatch).toHaveBeenCalledWith('session:status', { a: 1 }, { transport: 'electron' });
  });

  it.each([
    ['a null senderFrame', (t: ReturnType<typeof setup>) => t.event(t.webContents, null)],
    ['a subframe of our window', (t: ReturnType<typeof setup>) => t.event(t.webContents, t.childFrame)],
    ['another WebContents', (t: ReturnType<typeof setup>) => t.event({}, t.mainFrame)],
  ])('refuses %s with FORBIDDEN and never dispatches', async (_name, make) => {
    const t = setup();
    const result = (await t.call('session:lock', make(t))) as Result<unknown>;
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('FORBIDDEN');
    expect(t.dispatch).not.toHaveBeenCalled();
  });

  it('refuses our top frame once it shows another origin', async () => {
    const t = setup();
    t.mainFrame.url = 'https://evil.example/';
    const result = (await t.call('session:lock', t.event(t.webContents, t.mainFrame))) as Result<unknown>;
    expect(!result.ok && result.error.code).toBe('FORBIDDEN');
    expect(t.dispatch).not.toHaveBeenCalled();
  });

  it('refuses when there is no main window', async () => {
    const t = setup();
    t.closeWindow();
    const result = (await t.call('session:lock', t.event(t.webContents, t.mainFrame))) as Result<unknown>;
    expect(!result.ok && result.error.code).toBe('FORBIDDEN');
  });

  it('pushes contract events to the main window, and stops after undo', () => {
    const t = setup();
    t.events.emit(sessionContract, 'locked', { reason: 'idle' });
    expect(t.webContents.send).toHaveBeenCalledWith('session:locked', { reason: 'idle' });
    t.undo();
    t.events.emit(sessionContract, 'locked', { reason: 'idle' });
    expect(t.webContents.send).toHaveBeenCalledOnce();
    expect(t.handlers.size).toBe(0);
  });
});
