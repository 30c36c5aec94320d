package cn.hrss.seal.evidence;

import cn.hrss.seal.testsupport.TestDatabase;

class PostgresEvidenceLogTest extends EvidenceLogTestBase {
    @Override
    TestDatabase database() {
        return TestDatabase.postgres();
    }
}
