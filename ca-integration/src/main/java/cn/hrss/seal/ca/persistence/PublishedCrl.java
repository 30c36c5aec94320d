package cn.hrss.seal.ca.persistence;

import java.time.Instant;

/** A CRL as published: its number, validity window and DER. */
public record PublishedCrl(long number, Instant thisUpdate, Instant nextUpdate, byte[] der) {
    public PublishedCrl {
        der = der.clone();
    }

    @Override
    public byte[] der() {
        return der.clone();
    }
}
