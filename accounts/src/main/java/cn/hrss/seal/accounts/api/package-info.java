/**
 * What other modules may use from accounts: the roles, the authenticated caller ({@link
 * cn.hrss.seal.accounts.api.SealPrincipal}), the {@link cn.hrss.seal.accounts.api.PublicPaths} extension point of the
 * HTTP security chain, and the past-tense account events for the audit chain.
 */
@NamedInterface("api")
package cn.hrss.seal.accounts.api;

import org.springframework.modulith.NamedInterface;
