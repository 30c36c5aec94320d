package cn.hrss.seal.evidence;

import cn.hrss.seal.testsupport.TestDatabase;

class H2EvidenceLogTest extends EvidenceLogTestBase {
    @Override
    TestDatabase database() {
        return TestDatabase.h2();
    }
}
