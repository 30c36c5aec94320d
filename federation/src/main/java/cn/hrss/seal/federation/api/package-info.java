/**
 * What other modules use to talk to other nodes: {@link cn.hrss.seal.federation.api.Outbox} for messages that must
 * arrive (joins the caller's transaction), {@link cn.hrss.seal.federation.api.FederationClient} for synchronous
 * signed calls, {@link cn.hrss.seal.federation.api.Inbox} to process a received message once. Incoming requests
 * under {@code /federation/**} are verified before any controller runs; a controller takes the verified message
 * as a {@link cn.hrss.seal.core.message.VerifiedMessage} parameter.
 */
@NamedInterface("api")
package cn.hrss.seal.federation.api;

import org.springframework.modulith.NamedInterface;
