package cn.hrss.seal.contract;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells institutions about their contracts: an in-site message in the same transaction, and an e-mail sent after
 * the commit (a mail must never announce what was rolled back; a mail server down must not undo a signing). Mails
 * carry the link and the deadline, never the contract's title or content. Without a mail sender (no
 * {@code spring.mail.host}) only the in-site message is left.
 */
class Notifications {
    private static final Logger log = LoggerFactory.getLogger(Notifications.class);

    enum Kind { INVITATION, ARCHIVED, REJECTED, WITHDRAWN, EXPIRED }

    record Mail(String to, String subject, String text) {
    }

    private final JdbcTemplate jdbc;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final String from;
    private final String linkBase;

    Notifications(JdbcTemplate jdbc, ObjectProvider<JavaMailSender> mailSender, String from, String linkBase) {
        this.jdbc = jdbc;
        this.mailSender = mailSender;
        this.from = from;
        this.linkBase = linkBase.endsWith("/") ? linkBase.substring(0, linkBase.length() - 1) : linkBase;
    }

    void invite(ContractStore.Contract contract, ContractStore.Party party, String token, Instant at) {
        message(party.institutionId(), contract.id(), Kind.INVITATION, "您的机构被邀请签署合同 " + contract.id()
                + "（截止 " + contract.deadline() + "）/ Your institution is invited to sign contract " + contract.id(),
                at);
        mail(new Mail(party.notifyEmail(), "合同签署邀请 / Invitation to sign a contract",
                "您的机构被邀请在电子印章平台签署一份合同。请登录后打开：\n"
                        + "Your institution is invited to sign a contract. Sign in and open:\n\n"
                        + linkBase + "/api/v1/contract-links/" + token + "\n\n"
                        + "链接有效期至 / The link is valid until " + contract.deadline() + "\n"));
    }

    /** The end of a contract, to the initiator and every party. */
    void closed(ContractStore.Contract contract, List<ContractStore.Party> parties, Kind kind, Instant at) {
        java.util.Set<String> institutions = new java.util.LinkedHashSet<>();
        institutions.add(contract.initiatorId());
        parties.forEach(p -> institutions.add(p.institutionId()));
        for (String institution : institutions) {
            message(institution, contract.id(), kind, "合同 " + contract.id() + " 已结束：" + kind
                    + " / Contract " + contract.id() + " ended: " + kind, at);
        }
        // the parties at the addresses named for this contract, the initiator at its registered contact address
        java.util.Set<String> addresses = new java.util.LinkedHashSet<>();
        parties.forEach(p -> addresses.add(p.notifyEmail()));
        addresses.addAll(jdbc.queryForList("SELECT contact_email FROM contract_institution WHERE id = ?",
                String.class, contract.initiatorId()));
        for (String address : addresses) {
            mail(new Mail(address, "合同签署结束 / Contract signing ended: " + kind,
                    "合同 " + contract.id() + " 的签署流程已结束（" + kind + "），详情请登录平台查看。\n"
                            + "The signing of contract " + contract.id() + " ended (" + kind
                            + "); sign in for details.\n"));
        }
    }

    private void message(String institutionId, String contractId, Kind kind, String body, Instant at) {
        jdbc.update("INSERT INTO contract_message (id, institution_id, contract_id, kind, body, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)", UUID.randomUUID().toString(), institutionId, contractId,
                kind.name(), body, Timestamp.from(at));
    }

    private void mail(Mail mail) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    send(mail);
                }
            });
        } else {
            send(mail);
        }
    }

    private void send(Mail mail) {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            log.info("no mail sender configured: contract notice to one address left as in-site message only");
            return;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(mail.to());
        message.setSubject(mail.subject());
        message.setText(mail.text());
        try {
            sender.send(message);
        } catch (MailException e) {
            // the in-site message stands; the mail is not retried (documented)
            log.warn("contract notice mail not sent: {}", e.getMessage());
        }
    }
}
