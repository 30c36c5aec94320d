package cn.hrss.seal.making.review;

import cn.hrss.seal.core.crypto.Sm2;
import cn.hrss.seal.core.device.CipherDevice;
import cn.hrss.seal.core.error.SealException;
import cn.hrss.seal.making.api.SealApplicationApproved;
import cn.hrss.seal.making.api.SealApplicationRejected;
import cn.hrss.seal.making.journal.SealJournal;
import cn.hrss.seal.making.persistence.ApplicationMapper;
import cn.hrss.seal.making.persistence.ApplicationRow;
import cn.hrss.seal.making.persistence.ApplicationStatus;
import cn.hrss.seal.making.persistence.ReviewMapper;
import cn.hrss.seal.making.persistence.ReviewRow;
import cn.hrss.seal.making.port.MakerIdentity;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Review (审核) of a submitted application by a reviewer other than the applicant. The decision is signed with the
 * maker key so that it can be proven later who approved which content.
 */
@Service
class Reviews {
    enum Decision { APPROVE, REJECT }

    private final ApplicationMapper applications;
    private final ReviewMapper reviews;
    private final CipherDevice device;
    private final MakerIdentity maker;
    private final SealJournal journal;
    private final Clock clock;

    Reviews(ApplicationMapper applications, ReviewMapper reviews, CipherDevice device, MakerIdentity maker,
            SealJournal journal, Clock clock) {
        this.applications = applications;
        this.reviews = reviews;
        this.device = device;
        this.maker = maker;
        this.journal = journal;
        this.clock = clock;
    }

    @Transactional
    ApplicationStatus decide(String applicationId, Decision decision, String opinion, String reviewer) {
        ApplicationRow application = applications.selectForUpdate(applicationId);
        if (application == null) {
            throw SealException.notFound("APPLICATION_NOT_FOUND", "no seal application " + applicationId);
        }
        if (application.getApplicant().equals(reviewer)) {
            journal.denied(applicationId, "seal-application." + decision.name().toLowerCase(Locale.ROOT),
                    reviewer, "SEPARATION_OF_DUTIES: the applicant may not review");
            throw SealException.forbidden("SEPARATION_OF_DUTIES", "the applicant may not review the application");
        }
        if (application.getStatus() != ApplicationStatus.SUBMITTED) {
            throw new SealException("APPLICATION_NOT_SUBMITTED", 409, "the application was already reviewed",
                    Map.of("status", application.getStatus().name()), null);
        }
        Instant now = clock.instant();
        ReviewRecord record = ReviewRecord.of(application, decision.name(), reviewer, now, opinion);
        byte[] content = record.toBeSigned();
        byte[] signature = device.sign(maker.key(), Sm2.digest(device.exportSignPublicKey(maker.key()), content));

        ReviewRow row = new ReviewRow();
        row.setId(UUID.randomUUID().toString());
        row.setApplicationId(applicationId);
        row.setDecision(decision.name());
        row.setOpinion(opinion);
        row.setReviewer(reviewer);
        row.setReviewedAt(now.atOffset(ZoneOffset.UTC));
        row.setSignedContent(content);
        row.setSignature(signature);
        row.setSignerKey(maker.key().label());
        reviews.insert(row);

        ApplicationStatus next = decision == Decision.APPROVE ? ApplicationStatus.APPROVED : ApplicationStatus.REJECTED;
        application.setStatus(next);
        application.setUpdatedAt(row.getReviewedAt());
        applications.updateById(application);
        journal.applicationStep(applicationId, decision == Decision.APPROVE ? "approve" : "reject", reviewer,
                "applicationSm3=" + record.applicationDigest(),
                decision == Decision.APPROVE
                        ? new SealApplicationApproved(applicationId, reviewer)
                        : new SealApplicationRejected(applicationId, reviewer));
        return next;
    }
}
