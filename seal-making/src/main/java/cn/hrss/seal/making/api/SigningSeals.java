package cn.hrss.seal.making.api;

import java.util.Optional;

/** Looks up made seals for seal application (signing); read-only. */
public interface SigningSeals {

    /** The seal with this esID; empty when this node made no such seal or it still awaits its national code. */
    Optional<SigningSeal> find(String esId);
}
