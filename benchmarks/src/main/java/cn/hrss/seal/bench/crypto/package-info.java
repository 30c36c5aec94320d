/**
 * JMH benchmarks of the crypto path. Every figure is read as a ratio to raw BouncyCastle SM2 measured in the same
 * run ({@link cn.hrss.seal.bench.crypto.ComparedTo}), so results from different machines stay comparable.
 * Run with {@code scripts/bench-crypto.sh}; the build only compiles and packages them.
 */
package cn.hrss.seal.bench.crypto;
