package cn.hrss.seal.application.request;

import cn.hrss.seal.application.signing.UserKeys;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A sign request as the API shows it, with the three signed records (request, review, signing) as stored. */
record SignRequestView(String id, String esId, String sealName, String purpose, String status, String applicant,
                       Instant requestedAt, Optional<String> reviewer, Optional<Instant> reviewedAt,
                       Optional<String> opinion, Optional<Instant> signedAt, List<DocumentView> documents,
                       Optional<UserKeys.SignedRecord> requestRecord, Optional<UserKeys.SignedRecord> reviewRecord,
                       Optional<UserKeys.SignedRecord> signRecord) {

    record DocumentView(int index, String name, String type, String sm3, Optional<String> signedSm3,
                        Optional<String> download) {
    }
}
