package cn.hrss.seal.making.port;

import cn.hrss.seal.core.device.KeyRef;

/**
 * The seal maker (制章者): the making system's key in the cipher device and its certificate, issued under the seal
 * root at registration (LD/T 01.1 section 7.3.2). It signs every SES_Seal and every review record.
 */
public interface MakerIdentity {

    KeyRef key();

    /** DER X.509 certificate of {@link #key()}. */
    byte[] certificate();
}
