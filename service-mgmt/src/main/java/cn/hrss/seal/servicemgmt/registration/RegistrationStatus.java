package cn.hrss.seal.servicemgmt.registration;

enum RegistrationStatus {
    PENDING, APPROVED, REJECTED, DEREGISTERED
}
