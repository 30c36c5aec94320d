package cn.hrss.seal.making.api;

/**
 * How the seal key reaches its holder (LD/T 01.1 section 7.5): kept in the node's cipher device for server-side
 * signing, or generated for the holder and exported once as an envelope for the holder's USBKey.
 */
public enum Delivery {
    SERVER,
    USBKEY
}
