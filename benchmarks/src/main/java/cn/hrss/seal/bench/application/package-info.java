/**
 * Benchmarks of seal application: PDF signing latency (1 and 100 pages), verification of signed PDF, OFD and
 * detached SES_Signature against raw SM2 verify, and the load driver that measures the node's data-signing API
 * against raw SM2 signing in the same run. Run with {@code scripts/bench-application.sh}.
 */
package cn.hrss.seal.bench.application;
