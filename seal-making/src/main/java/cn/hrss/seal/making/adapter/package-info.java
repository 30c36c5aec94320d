/**
 * Adapters from seal making's ports to the real modules: the GB/T 38540 classes, identity checks, personal-data
 * protection and seal pictures of seal-core, the CA of ca-integration, seal-status and the audit trail. Each is
 * registered by {@link cn.hrss.seal.making.adapter.SealMakingAdaptersAutoConfiguration} only when its module is
 * present and no other bean implements the port.
 */
package cn.hrss.seal.making.adapter;
