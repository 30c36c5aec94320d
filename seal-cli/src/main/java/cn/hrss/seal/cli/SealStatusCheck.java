package cn.hrss.seal.cli;

import cn.hrss.seal.application.verify.CheckResult;

import java.time.Instant;

/**
 * Online seal status for a signature: the status system's answer about a seal at the signing time, as a SEAL
 * check. Kept small so seal-application's own online sources can be wired here when they land.
 */
interface SealStatusCheck {
    CheckResult statusAt(String esId, Instant at);
}
