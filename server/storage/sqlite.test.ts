import SQLite from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PreparedStatements } from './sqlite';

describe('PreparedStatements', () => {
  let sqlite: SQLite.Database;
  afterEach(() => {
    if (sqlite.open) sqlite.close();
  });

  const open = (capacity?: number) => {
    sqlite = new SQLite(':memory:');
    sqlite.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)');
    const prepare = vi.spyOn(sqlite, 'prepare');
    return { statements: new PreparedStatements(sqlite, capacity), prepare };
  };

  it('prepares a query once and runs it again with other parameters', () => {
    const { statements, prepare } = open();
    const insert = 'INSERT INTO notes (body) VALUES (?)';
    statements.prepare(insert).run(['first']);
    statements.prepare(insert).run(['second']);
    const select = 'SELECT body FROM notes WHERE id = ?';
    expect(statements.prepare(select).all([1])).toEqual([{ body: 'first' }]);
    expect(statements.prepare(select).all([2])).toEqual([{ body: 'second' }]);
    expect(prepare).toHaveBeenCalledTimes(2);
  });

  it('keeps the most recently used statements up to its capacity', () => {
    const { statements, prepare } = open(2);
    const [a, b, c] = ['SELECT 1 AS n', 'SELECT 2 AS n', 'SELECT 3 AS n'];
    statements.prepare(a);
    statements.prepare(b);
    statements.prepare(a); // a is now the most recent: b goes first
    statements.prepare(c);
    expect(prepare).toHaveBeenCalledTimes(3);
    statements.prepare(a);
    expect(prepare).toHaveBeenCalledTimes(3);
    expect(statements.prepare(b).all([])).toEqual([{ n: 2 }]);
    expect(prepare).toHaveBeenCalledTimes(4);
  });

  it('closes the database', () => {
    const { statements } = open();
    statements.prepare('SELECT 1');
    statements.close();
    expect(sqlite.open).toBe(false);
  });
});
