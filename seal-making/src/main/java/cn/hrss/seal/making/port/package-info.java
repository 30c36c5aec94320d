/**
 * What seal making needs from the rest of the system, as small interfaces it owns (ports). The node wires them to
 * the real modules (CA, GB/T 38540 encoder, seal status, audit trail, identity checks, personal-data protection,
 * seal pictures); tests wire simple real implementations.
 */
package cn.hrss.seal.making.port;
