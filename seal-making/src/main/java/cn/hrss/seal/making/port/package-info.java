/**
 * What seal making needs from the rest of the system, as small interfaces it owns (ports). The adapters in
 * {@code cn.hrss.seal.making.adapter} wire them to the real modules (CA, GB/T 38540 encoder, seal status, audit
 * trail, identity checks, personal-data protection, seal pictures); a node may replace any of them with its own bean.
 */
@NamedInterface("port")
package cn.hrss.seal.making.port;

import org.springframework.modulith.NamedInterface;
