package cn.hrss.seal.servicemgmt.registration;

import cn.hrss.seal.ca.api.Tier;
import cn.hrss.seal.servicemgmt.api.SystemKind;
import java.time.Instant;
import java.util.Set;

/** A stored registration; {@code certificate} is DER base64 once approved. */
record Registration(String id, String signerId, String systemName, String organisation, Set<SystemKind> kinds,
                    String baseUrl, Tier tier, String regionCode, String publicKey, RegistrationStatus status,
                    String opinion, String reviewedBy, Instant appliedAt, Instant reviewedAt,
                    String certificateSerial, String certificate, Instant deregisteredAt) {
}
