/**
 * JMH benchmarks of the seal-status module on PostgreSQL: status queries from the cache and from the database, and
 * seal revocation list publication, on a table of registered seals bulk-loaded exactly as the module would have
 * written it ({@link cn.hrss.seal.bench.status.SealTable}). Run by {@code scripts/bench-status.sh} through
 * {@link cn.hrss.seal.bench.status.StatusBenchReport}, which creates, loads and drops the database.
 */
package cn.hrss.seal.bench.status;
