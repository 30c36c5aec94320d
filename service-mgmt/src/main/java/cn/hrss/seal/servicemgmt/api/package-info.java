/**
 * What other modules and nodes use: the {@code registration.apply/1} body ({@link RegistrationApplication}), the
 * applicant's signer for messages sent before it holds a certificate ({@link ApplicantSigner}), the signed trust
 * list document ({@link TrustListDocument}, {@link SignedTrustList}) and the lower node's {@link TrustListClient}.
 */
@NamedInterface("api")
package cn.hrss.seal.servicemgmt.api;

import org.springframework.modulith.NamedInterface;
