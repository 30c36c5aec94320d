package cn.hrss.seal.servicemgmt.api;

import cn.hrss.seal.core.message.MessageKind;

/** The inter-node endpoints of service management and the message kinds they take. */
public final class ServiceMgmtPaths {
    /** POST, kind {@code registration.apply/1}, signed with the key being registered. */
    public static final String APPLY = "/federation/registrations";
    /** GET, unsigned: the document carries its own detached signature. */
    public static final String TRUST_LIST = "/federation/trust-list";
    /** Pulling the issued certificate: GET {@code /federation/registrations/{id}/certificate}, signed likewise. */
    public static final MessageKind CERTIFICATE_PULL = new MessageKind("registration.certificate", 1);

    private ServiceMgmtPaths() {
    }

    public static String certificate(String registrationId) {
        return APPLY + "/" + registrationId + "/certificate";
    }
}
