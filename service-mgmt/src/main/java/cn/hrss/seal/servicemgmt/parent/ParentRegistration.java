package cn.hrss.seal.servicemgmt.parent;

import java.time.Instant;

/**
 * This node's registration with its parent as far as this node knows it.
 *
 * @param status      PENDING until the certificate pull answers; APPROVED with the certificate (base64 DER);
 *                    NOT_ACTIVE when the parent says it is rejected or deregistered
 * @param lastAnswer  the parent's last error code and message, if any
 */
record ParentRegistration(String registrationId, String parentUrl, String signerId, Status status, Instant appliedAt,
                          Instant checkedAt, String lastAnswer, String certificate) {

    enum Status { PENDING, APPROVED, NOT_ACTIVE }

    ParentRegistration checked(Status newStatus, Instant at, String answer, String newCertificate) {
        String bounded = answer == null ? null : answer.substring(0, Math.min(answer.length(), 512));
        return new ParentRegistration(registrationId, parentUrl, signerId, newStatus, appliedAt, at, bounded,
                newCertificate);
    }
}
