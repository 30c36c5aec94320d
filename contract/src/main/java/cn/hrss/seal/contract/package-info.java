/**
 * Multi-party contract signing between registered institutions (docs/CONTRACTS.md). Everything is package-private;
 * other modules are used through their {@code api} packages only.
 */
package cn.hrss.seal.contract;
