package cn.hrss.seal.contract;

import cn.hrss.seal.application.api.SignRequestReviewPolicy;
import cn.hrss.seal.core.error.SealException;

/**
 * A party's use of its seal in a contract is reviewed by the party itself: the reviewer of a sign request filed for
 * a contract must act for that party's institution, so no institution approves another's seal.
 */
final class PartyReviewers implements SignRequestReviewPolicy {
    static final String NOT_OF_PARTY = "CONTRACT_REVIEWER_NOT_OF_PARTY";
    private final ContractStore store;
    private final Institutions institutions;

    PartyReviewers(ContractStore store, Institutions institutions) {
        this.store = store;
        this.institutions = institutions;
    }

    @Override
    public void checkReviewer(String signRequestId, String reviewer) {
        store.partyBySignRequest(signRequestId).ifPresent(party -> {
            if (!institutions.institutionOf(reviewer).map(party.institutionId()::equals).orElse(false)) {
                throw SealException.forbidden(NOT_OF_PARTY, "this sign request uses a contract party's seal: a"
                        + " reviewer acting for that party reviews it");
            }
        });
    }
}
