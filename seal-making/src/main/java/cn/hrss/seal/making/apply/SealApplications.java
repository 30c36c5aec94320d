package cn.hrss.seal.making.apply;

import cn.hrss.seal.core.device.Sm2PublicKey;
import cn.hrss.seal.core.error.SealException;
import cn.hrss.seal.making.api.SealApplied;
import cn.hrss.seal.making.persistence.ApplicationKind;
import cn.hrss.seal.making.persistence.ApplicationMapper;
import cn.hrss.seal.making.persistence.ApplicationRow;
import cn.hrss.seal.making.persistence.ApplicationStatus;
import cn.hrss.seal.making.journal.SealJournal;
import cn.hrss.seal.making.port.PersonalData;
import cn.hrss.seal.making.port.SealPictures;
import com.baomidou.mybatisplus.core.conditions.query.QueryWrapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Seal applications (申领): checked, stored with personal data encrypted, journalled. A changed, lost or replaced
 * seal gets a successor application that goes through review and making like a first one.
 */
@Service
public class SealApplications {
    private final ApplicationMapper applications;
    private final ApplicationChecks checks;
    private final SealPictures pictures;
    private final PersonalData personalData;
    private final SealJournal journal;
    private final Clock clock;

    SealApplications(ApplicationMapper applications, ApplicationChecks checks, SealPictures pictures,
                     PersonalData personalData, SealJournal journal, Clock clock) {
        this.applications = applications;
        this.checks = checks;
        this.pictures = pictures;
        this.personalData = personalData;
        this.journal = journal;
        this.clock = clock;
    }

    @Transactional
    ApplicationRow submit(ApplicationRequest request, String applicant) {
        Map<String, String> problems = new LinkedHashMap<>();
        ApplicationContent content = checks.check(request, problems);
        ApplicationChecks.failIfAny(problems);
        return store(content, ApplicationKind.NEW, null, applicant);
    }

    /**
     * Opens the successor application of a seal that is being changed, lost or replaced: the predecessor's
     * application content with {@code change} applied, checked again. Must run in the caller's transaction so that
     * a failed check also undoes the caller's status change.
     *
     * @return the new application's id
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public String openSuccessor(String predecessorSealId, String predecessorApplicationId, ApplicationKind kind,
                                UnaryOperator<ApplicationContent> change, String applicant) {
        ApplicationRow previous = applications.selectById(predecessorApplicationId);
        if (previous == null) {
            throw new IllegalStateException("seal " + predecessorSealId + " has no application");
        }
        ApplicationContent content = change.apply(contentOf(previous));
        Map<String, String> problems = new LinkedHashMap<>();
        checks.checkContent(content, problems);
        ApplicationChecks.failIfAny(problems);
        return store(content, kind, predecessorSealId, applicant).getId();
    }

    /** Plain content of a stored application (decrypts the personal data). */
    public ApplicationContent contentOf(ApplicationRow row) {
        return new ApplicationContent(row.getUnitCreditCode(), row.getUnitRegionCode(),
                UnitType.valueOf(row.getUnitType()), row.getUnitName(), row.getUnitAddress(), row.getAgentName(),
                personalData.reveal(PersonalData.Kind.CITIZEN_ID, row.getAgentIdNumberEnc()),
                personalData.reveal(PersonalData.Kind.MOBILE_NUMBER, row.getAgentPhoneEnc()),
                row.getApproverUnitName(), row.getApproverRegionCode(), row.getSealName(), row.getSealType(),
                row.getScope(), row.getValidityDays(), row.getPicture(), row.getDelivery(),
                row.getHolderPublicKey() == null ? null : Sm2PublicKey.fromUncompressed(row.getHolderPublicKey()));
    }

    private ApplicationRow store(ApplicationContent c, ApplicationKind kind, String predecessorSealId,
                                 String applicant) {
        byte[] picture = c.picture() == null ? null : pictures.checkUpload(c.picture());
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        ApplicationRow row = new ApplicationRow();
        row.setId(UUID.randomUUID().toString());
        row.setStatus(ApplicationStatus.SUBMITTED);
        row.setKind(kind);
        row.setPredecessorSealId(predecessorSealId);
        row.setApplicant(applicant);
        row.setUnitCreditCode(c.unitCreditCode());
        row.setUnitRegionCode(c.unitRegionCode());
        row.setUnitType(c.unitType().name());
        row.setUnitName(c.unitName());
        row.setUnitAddress(c.unitAddress());
        row.setAgentName(c.agentName());
        PersonalData.Protected idNumber = personalData.protect(PersonalData.Kind.CITIZEN_ID, c.agentIdNumber());
        PersonalData.Protected phone = personalData.protect(PersonalData.Kind.MOBILE_NUMBER, c.agentPhone());
        row.setAgentIdNumberEnc(idNumber.sealed());
        row.setAgentIdNumberMasked(idNumber.masked());
        row.setAgentPhoneEnc(phone.sealed());
        row.setAgentPhoneMasked(phone.masked());
        row.setApproverUnitName(c.approverUnitName());
        row.setApproverRegionCode(c.approverRegionCode());
        row.setSealName(c.sealName());
        row.setSealType(c.sealType());
        row.setScope(c.scope());
        row.setValidityDays(c.validityDays());
        row.setPicture(picture);
        row.setDelivery(c.delivery());
        row.setHolderPublicKey(c.holderPublicKey() == null ? null : c.holderPublicKey().uncompressed());
        row.setCreatedAt(now);
        row.setUpdatedAt(now);
        applications.insert(row);
        journal.applicationStep(row.getId(), "apply", applicant,
                "kind=" + kind + ", unit=" + c.unitCreditCode() + ", seal=" + c.sealName() + ", agentId="
                        + row.getAgentIdNumberMasked(),
                new SealApplied(row.getId(), applicant, c.scope(), predecessorSealId));
        return row;
    }

    List<ApplicationRow> list(ApplicationStatus status, int limit, int offset) {
        return applications.selectList(new QueryWrapper<ApplicationRow>().eq("status", status.name())
                .orderByAsc("created_at", "id").last("LIMIT " + limit + " OFFSET " + offset));
    }

    /** Reads an application; 404 {@code APPLICATION_NOT_FOUND}. */
    ApplicationRow get(String id) {
        ApplicationRow row = applications.selectById(id);
        if (row == null) {
            throw SealException.notFound("APPLICATION_NOT_FOUND", "no seal application " + id);
        }
        return row;
    }
}
