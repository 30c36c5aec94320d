package cn.hrss.seal.federation.outbox;

import cn.hrss.seal.testsupport.TestDatabase;

class H2FederationOutboxTest extends FederationOutboxTestBase {
    @Override
    protected TestDatabase newDatabase() {
        return TestDatabase.h2();
    }
}
