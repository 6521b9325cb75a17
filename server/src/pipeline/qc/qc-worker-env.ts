/**
 * The environment of a QC worker process: this process's environment without credentials (childEnv),
 * with glibc's malloc set for QC. glibc reads these only at process start, so the pool sets them here:
 * - MALLOC_ARENA_MAX=2 unless the environment says otherwise: without it each worker's libvips and
 *   libuv threads took arenas of their own. 50-photo folder, summed PSS of the three processes:
 *   380-404 MB -> 323-328 MB; CPU within noise.
 * - no MALLOC_MMAP_THRESHOLD_. The bin's hashbang sets it for the CLI (a 1 MiB threshold keeps a
 *   variant's image-sized buffers in mmap, given back when freed), and workers inherited it: every
 *   plane and mask a file allocates then came from fresh pages, twice the page faults. 50-photo
 *   folder, six paired runs: system CPU 1.6-2.1 s -> 1.0-1.3 s, wall 9-13% less.
 * - glibc.malloc.hugetlb=1 in GLIBC_TUNABLES: malloc asks the kernel for transparent huge pages
 *   (madvise, which is this machine's and Debian's default THP mode) for its large blocks, so a 15 MB
 *   plane faults in 2 MiB pages, not 4 KiB ones. Same folder, six paired runs: minor faults 107-121k ->
 *   51-56k, user CPU 0.3-0.8 s less, wall 5-15% less. Where THP is off it does nothing.
 */
import { childEnv } from '../../runtime/child-env';

/** The tunable that makes malloc use transparent huge pages (glibc 2.35+; older glibcs ignore it). */
export const HUGE_PAGES_TUNABLE = 'glibc.malloc.hugetlb=1';

/**
 * `tunables` (a GLIBC_TUNABLES value, colon-separated) with huge pages on, unless it sets hugetlb itself.
 * @example withHugePages('glibc.malloc.trim_threshold=0') // 'glibc.malloc.trim_threshold=0:glibc.malloc.hugetlb=1'
 */
export function withHugePages(tunables: string | undefined): string {
  if (!tunables) return HUGE_PAGES_TUNABLE;
  if (tunables.split(':').some((t) => t.startsWith('glibc.malloc.hugetlb='))) return tunables;
  return `${tunables}:${HUGE_PAGES_TUNABLE}`;
}

/**
 * @example fork(script, [], { env: qcWorkerEnv() })
 */
export function qcWorkerEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = { MALLOC_ARENA_MAX: '2', ...childEnv(env) };
  delete out.MALLOC_MMAP_THRESHOLD_;
  out.GLIBC_TUNABLES = withHugePages(out.GLIBC_TUNABLES);
  return out;
}
