package cn.hrss.seal.making.adapter;

import cn.hrss.seal.making.api.SealState;
import cn.hrss.seal.status.api.SealRegistration;
import cn.hrss.seal.status.api.SealStatus;
import cn.hrss.seal.status.api.SealStatusRecord;
import cn.hrss.seal.status.api.SealStatusService;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StatusServicePublisherTest {
    private final Instant since = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void aRenewalIsRecordedAsOne() {
        var valid = new RecordingStatus(SealStatus.VALID);
        new StatusServicePublisher(valid).renewed("E1", "abc", since);
        assertThat(valid.changes).containsExactly("E1 renewed abc until " + since);
    }

    @Test
    void expiryIsRecordedOnceWhicheverSideNoticesFirst() {
        var alreadyExpired = new RecordingStatus(SealStatus.EXPIRED);
        new StatusServicePublisher(alreadyExpired).publish("E1", SealState.EXPIRED, since, "validity ended");
        assertThat(alreadyExpired.changes).isEmpty();

        var valid = new RecordingStatus(SealStatus.VALID);
        new StatusServicePublisher(valid).publish("E1", SealState.EXPIRED, since, "validity ended");
        assertThat(valid.changes).containsExactly("E1 EXPIRED " + since);
    }

    @Test
    void lifecycleStatesMapOntoStatusChanges() {
        var valid = new RecordingStatus(SealStatus.VALID);
        var publisher = new StatusServicePublisher(valid);
        publisher.publish("E1", SealState.SUSPENDED, since, "lost");
        publisher.publish("E1", SealState.REVOKED, since, "cancelled");
        assertThat(valid.changes).containsExactly("E1 SUSPENDED " + since, "E1 REVOKED " + since);
        assertThatThrownBy(() -> publisher.publish("E1", SealState.VALID, since, "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** A status service that answers one current status and records the changes asked for. */
    private static final class RecordingStatus implements SealStatusService {
        private final SealStatus current;
        private final List<String> changes = new ArrayList<>();

        RecordingStatus(SealStatus current) {
            this.current = current;
        }

        @Override
        public SealStatusRecord register(SealRegistration registration) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SealStatusRecord recordChange(String esId, SealStatus newStatus, Instant at, String reason) {
            changes.add(esId + " " + newStatus + " " + at);
            return new SealStatusRecord(esId, newStatus, at, reason);
        }

        @Override
        public SealStatusRecord renew(String esId, String certificateSerial, Instant validEnd, Instant at) {
            changes.add(esId + " renewed " + certificateSerial + " until " + validEnd);
            return new SealStatusRecord(esId, current, Instant.EPOCH, null);
        }

        @Override
        public SealStatusRecord statusOf(String esId) {
            return new SealStatusRecord(esId, current, Instant.EPOCH, null);
        }

        @Override
        public SealStatusRecord statusAt(String esId, Instant time) {
            return statusOf(esId);
        }
    }
}
