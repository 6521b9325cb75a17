import { describe, expect, it } from 'vitest';
import { qcWorkerEnv, withHugePages } from './qc-worker-env';

describe('the environment of a QC worker process', () => {
  it('drops the mmap threshold the bin sets and any credential, and caps arenas at 2 unless told otherwise', () => {
    const env = qcWorkerEnv({ PATH: '/usr/bin', MALLOC_MMAP_THRESHOLD_: '1048576', FAL_KEY: 'id:secret' });
    expect(env).toEqual({ PATH: '/usr/bin', MALLOC_ARENA_MAX: '2', GLIBC_TUNABLES: 'glibc.malloc.hugetlb=1' });
    expect(qcWorkerEnv({ MALLOC_ARENA_MAX: '4' }).MALLOC_ARENA_MAX).toBe('4');
  });

  it("adds huge pages to the caller's tunables and keeps a hugetlb the caller chose", () => {
    expect(withHugePages(undefined)).toBe('glibc.malloc.hugetlb=1');
    expect(withHugePages('')).toBe('glibc.malloc.hugetlb=1');
    expect(withHugePages('glibc.malloc.trim_threshold=0')).toBe('glibc.malloc.trim_threshold=0:glibc.malloc.hugetlb=1');
    expect(withHugePages('glibc.malloc.hugetlb=0')).toBe('glibc.malloc.hugetlb=0');
    expect(withHugePages('glibc.malloc.hugetlb=2:glibc.malloc.trim_threshold=0')).toBe('glibc.malloc.hugetlb=2:glibc.malloc.trim_threshold=0');
  });
});
