-- Access tests this node ran against other systems (docs/ACCESS-TEST.md).
CREATE TABLE access_test_run (
    id            VARCHAR(36)  PRIMARY KEY,
    target_url    VARCHAR(512) NOT NULL,
    verdict       VARCHAR(8)   NOT NULL,
    report        TEXT         NOT NULL,
    run_by        VARCHAR(128) NOT NULL,
    finished_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
