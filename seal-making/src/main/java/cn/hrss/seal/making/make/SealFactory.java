package cn.hrss.seal.making.make;

import cn.hrss.seal.core.device.Sm2PublicKey;
import cn.hrss.seal.core.error.SealException;
import cn.hrss.seal.making.api.NationalSealCodes;
import cn.hrss.seal.making.api.SealMade;
import cn.hrss.seal.making.api.SealScope;
import cn.hrss.seal.making.api.SealState;
import cn.hrss.seal.making.code.EsIdIssuer;
import cn.hrss.seal.making.delivery.ProvisionedKey;
import cn.hrss.seal.making.delivery.SealKeys;
import cn.hrss.seal.making.journal.SealJournal;
import cn.hrss.seal.making.persistence.ApplicationMapper;
import cn.hrss.seal.making.persistence.ApplicationRow;
import cn.hrss.seal.making.persistence.ApplicationStatus;
import cn.hrss.seal.making.persistence.SealMapper;
import cn.hrss.seal.making.persistence.SealRow;
import cn.hrss.seal.making.port.SealPictures;
import com.baomidou.mybatisplus.core.conditions.query.QueryWrapper;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

/**
 * Makes the seal of an approved application (LD/T 01.1 section 7.5): key pair, esID, one seal certificate bound to
 * that esID, the maker-signed SES_Seal, status VALID registered with seal status. A cross-industry seal stops after
 * its key: it waits in AWAITING_NATIONAL_CODE for the national platform's code, gets no invented one, and receives
 * certificate and SES_Seal in {@link #assign}.
 *
 * <p>Key pair and certificate are created before the database commit and cannot be rolled back; a failed making
 * leaves at most an unused device key and an unused certificate, never a half-made seal.
 */
@Service
class SealFactory implements NationalSealCodes {
    private final ApplicationMapper applications;
    private final SealMapper seals;
    private final SealKeys keys;
    private final SealIssuance issuance;
    private final SealPictures pictures;
    private final EsIdIssuer esIds;
    private final SealJournal journal;
    private final Clock clock;

    SealFactory(ApplicationMapper applications, SealMapper seals, SealKeys keys, SealIssuance issuance,
                SealPictures pictures, EsIdIssuer esIds, SealJournal journal, Clock clock) {
        this.applications = applications;
        this.seals = seals;
        this.keys = keys;
        this.issuance = issuance;
        this.pictures = pictures;
        this.esIds = esIds;
        this.journal = journal;
        this.clock = clock;
    }

    @Transactional
    SealRow make(String applicationId, String operator) {
        ApplicationRow application = approved(applicationId);
        Instant now = clock.instant();
        SealRow seal = draft(application, operator, now);
        withKey(seal, application);
        Duration validity = Duration.ofDays(application.getValidityDays());
        if (application.getScope() == SealScope.INDUSTRY) {
            issuance.issue(seal, esIds.next(application.getUnitRegionCode()).value(), now, validity);
        } else {
            // provisional until the national code arrives; the validity is set again then
            seal.setValidFrom(seal.getMadeAt());
            seal.setValidTo(now.plus(validity).atOffset(ZoneOffset.UTC));
            seal.setStatus(SealState.AWAITING_NATIONAL_CODE);
        }
        seals.insert(seal);
        application.setStatus(ApplicationStatus.MADE);
        application.setUpdatedAt(seal.getMadeAt());
        applications.updateById(application);
        linkPredecessor(seal);
        journal.sealStep(seal.getId(), "make", operator, null,
                "application=" + applicationId + ", esId=" + seal.getEsId() + ", delivery=" + seal.getDelivery()
                        + ", certificate=" + seal.getCertificateSerial(), made(seal));
        if (seal.getStatus() == SealState.VALID) {
            // last, so that a failure here rolls the making back before anything was published
            issuance.register(seal);
        }
        return seal;
    }

    private ApplicationRow approved(String applicationId) {
        ApplicationRow application = applications.selectForUpdate(applicationId);
        if (application == null) {
            throw SealException.notFound("APPLICATION_NOT_FOUND", "no seal application " + applicationId);
        }
        if (application.getStatus() != ApplicationStatus.APPROVED) {
            throw new SealException("APPLICATION_NOT_APPROVED", 409, "only an approved application can be made",
                    Map.of("status", application.getStatus().name()), null);
        }
        return application;
    }

    /** The seal's identity and content from the application; the uploaded picture or a generated one. */
    private SealRow draft(ApplicationRow application, String operator, Instant now) {
        SealRow seal = new SealRow();
        seal.setId(UUID.randomUUID().toString());
        seal.setApplicationId(application.getId());
        seal.setScope(application.getScope());
        seal.setUnitCreditCode(application.getUnitCreditCode());
        seal.setUnitRegionCode(application.getUnitRegionCode());
        seal.setUnitName(application.getUnitName());
        seal.setSealName(application.getSealName());
        seal.setSealType(application.getSealType());
        seal.setDelivery(application.getDelivery());
        seal.setPicture(application.getPicture() != null
                ? application.getPicture()
                : pictures.draw(application.getUnitName(), application.getSealName()));
        seal.setPredecessorId(application.getPredecessorSealId());
        seal.setMadeBy(operator);
        seal.setMadeAt(now.atOffset(ZoneOffset.UTC));
        seal.setUpdatedAt(seal.getMadeAt());
        return seal;
    }

    private void withKey(SealRow seal, ApplicationRow application) {
        byte[] holderKey = application.getHolderPublicKey();
        ProvisionedKey key = keys.provision(seal.getId(), application.getDelivery(),
                holderKey == null ? null : Sm2PublicKey.fromUncompressed(holderKey));
        seal.setPublicKey(key.publicKey().uncompressed());
        if (key.deviceKey() != null) {
            seal.setKeyIndex(key.deviceKey().index());
            seal.setKeyLabel(key.deviceKey().label());
        }
        seal.setKeyEnvelope(key.envelope());
    }

    /** A successor of a changed, lost or replaced seal points back, and the predecessor forward. */
    private void linkPredecessor(SealRow seal) {
        if (seal.getPredecessorId() != null) {
            SealRow predecessor = seals.selectByIdForUpdate(seal.getPredecessorId());
            predecessor.setSuccessorId(seal.getId());
            seals.updateById(predecessor);
        }
    }

    @Override
    @Transactional
    public void assign(String sealId, String esId, String actor) {
        if (esId == null || !esId.matches("[0-9A-Za-z]{1,64}")) {
            throw SealException.badRequest("ES_ID_INVALID", "a national esID is 1 to 64 letters or digits");
        }
        SealRow seal = seals.selectByIdForUpdate(sealId);
        if (seal == null) {
            throw SealException.notFound("SEAL_NOT_FOUND", "no seal " + sealId);
        }
        if (seal.getStatus() != SealState.AWAITING_NATIONAL_CODE) {
            throw SealException.conflict("SEAL_HAS_CODE", "the seal already has its code");
        }
        if (seals.selectCount(new QueryWrapper<SealRow>().eq("es_id", esId)) > 0) {
            throw SealException.conflict("ES_ID_TAKEN", "esID " + esId + " is already used");
        }
        Instant now = clock.instant();
        Duration validity = Duration.between(seal.getValidFrom(), seal.getValidTo());
        issuance.issue(seal, esId, now, validity);
        seal.setUpdatedAt(now.atOffset(ZoneOffset.UTC));
        try {
            seals.updateById(seal);
        } catch (DuplicateKeyException e) {
            // another assignment of the same code won the race after the check above
            throw SealException.conflict("ES_ID_TAKEN", "esID " + esId + " is already used");
        }
        journal.sealStep(seal.getId(), "assign-code", actor, null,
                "esId=" + esId + ", certificate=" + seal.getCertificateSerial(), made(seal));
        issuance.register(seal);
    }

    private static SealMade made(SealRow seal) {
        return new SealMade(seal.getId(), seal.getEsId(), seal.getStatus(), seal.getUnitCreditCode(),
                seal.getValidFrom().toInstant(), seal.getValidTo().toInstant(), seal.getPredecessorId());
    }
}
