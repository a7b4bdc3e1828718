/**
 * The soak's reconciliation rules (soak-model.ts): what a reopened profile may differ from the acknowledged
 * writes by. Only the write in flight at the kill may be there or not; anything else is a failure the soak reports.
 */
import { describe, expect, it } from 'vitest';
import { applyAck, emptyModel, reconcile, type Actual, type Model, type WriteOp } from './soak-model';

function modelWith(): Model {
  const m = emptyModel();
  applyAck(m, { kind: 'vault', action: 'create', id: 'A', state: 'v1', rev: 1 });
  applyAck(m, { kind: 'file', action: 'create', id: 'F', state: 'f2.bin', hash: 'h2', rev: 2 });
  applyAck(m, { kind: 'email', action: 'create', state: '5', messages: 5, rev: 3 });
  applyAck(m, { kind: 'settings', action: 'update', state: '30', rev: 4 });
  return m;
}

function actualOf(m: Model, change: (a: Actual) => void = () => undefined): Actual {
  const a: Actual = { records: structuredClone(m.records), emailMessages: m.emailMessages, clipboardSeconds: m.clipboardSeconds ?? 20 };
  change(a);
  return a;
}

const op = (o: Partial<WriteOp> & Pick<WriteOp, 'kind' | 'action'>): WriteOp => ({ rev: 9, ...o });

describe('soak reconcile', () => {
  it('passes when the database holds exactly the acknowledged writes, and continues from them', () => {
    const m = modelWith();
    const { failures, next } = reconcile(m, actualOf(m), null);
    expect(failures).toEqual([]);
    expect(next.records.vault).toEqual({ A: 'v1' });
    expect(next.fileHashes).toEqual({ F: 'h2' });
    expect(next.nextRev).toBe(5);
  });

  it('reports a lost write, a lost update, a row nobody acknowledged, lost mail and a lost setting', () => {
    const m = modelWith();
    const broken = actualOf(m, (a) => {
      delete a.records.file.F;
      a.records.vault.A = 'v0';
      a.records.task.T = 'todo';
      a.emailMessages = 4;
      a.clipboardSeconds = 20;
    });
    const { failures } = reconcile(m, broken, null);
    expect(failures).toEqual([
      'vault A: acknowledged state v1, found v0',
      'file F (acknowledged, state f2.bin) is missing',
      'task T (state todo) was never acknowledged',
      'email: 4 messages stored, expected 5',
      'settings: clipboardClearSeconds 20, acknowledged 30',
    ]);
  });

  it('accepts the write in flight at the kill either way, and adopts what is there', () => {
    const m = modelWith();
    const created = actualOf(m, (a) => (a.records.file.G = 'f9.bin'));
    const withNew = reconcile(m, created, op({ kind: 'file', action: 'create', state: 'f9.bin', hash: 'h9' }));
    expect(withNew.failures).toEqual([]);
    expect(withNew.next.fileHashes).toEqual({ F: 'h2', G: 'h9' });
    expect(reconcile(m, actualOf(m), op({ kind: 'file', action: 'create', state: 'f9.bin' })).failures).toEqual([]);
    expect(
      reconcile(
        m,
        actualOf(m, (a) => delete a.records.vault.A),
        op({ kind: 'vault', action: 'delete', id: 'A' }),
      ).failures,
    ).toEqual([]);
    expect(
      reconcile(
        m,
        actualOf(m, (a) => (a.records.vault.A = 'v9')),
        op({ kind: 'vault', action: 'update', id: 'A', state: 'v9' }),
      ).failures,
    ).toEqual([]);
    const partialImport = reconcile(
      m,
      actualOf(m, (a) => (a.emailMessages = 7)),
      op({ kind: 'email', action: 'create', messages: 6 }),
    );
    expect(partialImport.failures).toEqual([]);
    expect(partialImport.next.emailMessages).toBe(7);
  });

  it('does not stretch the write in flight to cover other changes', () => {
    const m = modelWith();
    const twoNew = actualOf(m, (a) => Object.assign(a.records.file, { G: 'f9.bin', H: 'f9.bin' }));
    expect(reconcile(m, twoNew, op({ kind: 'file', action: 'create', state: 'f9.bin' })).failures).toHaveLength(1);
    const otherState = actualOf(m, (a) => (a.records.vault.A = 'v7'));
    expect(reconcile(m, otherState, op({ kind: 'vault', action: 'update', id: 'A', state: 'v9' })).failures).toHaveLength(1);
    const otherRecord = actualOf(m, (a) => delete a.records.vault.A);
    expect(reconcile(m, otherRecord, op({ kind: 'vault', action: 'delete', id: 'B' })).failures).toHaveLength(1);
    expect(
      reconcile(
        m,
        actualOf(m, (a) => (a.emailMessages = 12)),
        op({ kind: 'email', action: 'create', messages: 6 }),
      ).failures,
    ).toHaveLength(1);
  });
});
