import { describe, expect, it } from 'vitest';
import { hostOf, parseHostList } from '../../src/db/host-list.js';

describe('a libpq-style host list in a connection string', () => {
  it('gives one URL per host, in order, each with the user, database and parameters', () => {
    expect(parseHostList('postgres://app:secret@db1:5432,db2:5433,[::1]:5434/chronicle?sslmode=require')).toEqual({
      urls: [
        'postgres://app:secret@db1:5432/chronicle?sslmode=require',
        'postgres://app:secret@db2:5433/chronicle?sslmode=require',
        'postgres://app:secret@[::1]:5434/chronicle?sslmode=require',
      ],
      targetSessionAttrs: undefined,
    });
  });

  it('leaves a single host, a host without a port and a non-URL string as they are', () => {
    expect(parseHostList('postgresql://postgres@127.0.0.1:5432/postgres').urls).toEqual(['postgresql://postgres@127.0.0.1:5432/postgres']);
    expect(parseHostList('postgres://db1,db2/chronicle').urls).toEqual(['postgres://db1/chronicle', 'postgres://db2/chronicle']);
    expect(parseHostList('host=db1 dbname=chronicle').urls).toEqual(['host=db1 dbname=chronicle']);
  });

  it('takes target_session_attrs out of the parameters, for the host selection', () => {
    expect(parseHostList('postgres://db1,db2/chronicle?target_session_attrs=read-write&application_name=x')).toEqual({
      urls: ['postgres://db1/chronicle?application_name=x', 'postgres://db2/chronicle?application_name=x'],
      targetSessionAttrs: 'read-write',
    });
    expect(parseHostList('postgres://db1/chronicle?target_session_attrs=any')).toEqual({
      urls: ['postgres://db1/chronicle'],
      targetSessionAttrs: 'any',
    });
  });

  it('refuses an empty host and a target_session_attrs it does not implement, without printing the password', () => {
    expect(() => parseHostList('postgres://app:secret@db1,,db2/chronicle')).toThrow(/empty host: postgres:\/\/app:\*\*\*@db1,,db2/);
    expect(() => parseHostList('postgres://app:secret@db1,,db2/chronicle')).not.toThrow(/secret/);
    expect(() => parseHostList('postgres://db1,db2/chronicle?target_session_attrs=standby')).toThrow(/read-write or any/);
  });

  it('names a host by host and port only, for messages', () => {
    expect(hostOf('postgres://app:secret@db1:5433/chronicle')).toBe('db1:5433');
  });
});
