package cn.hrss.seal.statusfed;

import cn.hrss.seal.status.api.SealHistory;
import cn.hrss.seal.status.api.SealRegistration;
import java.util.List;

/**
 * {@code status.query/1} asks {@code {"esId"}}; the answer ({@code status.answer/1}) is what the answering node holds:
 * {@code known=false}, or the registration and every status version, so the asker can answer "status at time T"
 * for any T itself.
 */
record StatusAnswerBody(String esId, boolean known, SealRegistration registration, List<SealHistory.Version> versions) {

    static StatusAnswerBody unknown(String esId) {
        return new StatusAnswerBody(esId, false, null, List.of());
    }

    static StatusAnswerBody of(SealHistory history) {
        return new StatusAnswerBody(history.registration().esId(), true, history.registration(), history.versions());
    }

    SealHistory history() {
        return new SealHistory(registration, versions);
    }

    record Query(String esId) {
    }
}
