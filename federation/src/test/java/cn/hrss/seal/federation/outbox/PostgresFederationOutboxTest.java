package cn.hrss.seal.federation.outbox;

import cn.hrss.seal.testsupport.TestDatabase;

class PostgresFederationOutboxTest extends FederationOutboxTestBase {
    @Override
    protected TestDatabase newDatabase() {
        return TestDatabase.postgres();
    }
}
