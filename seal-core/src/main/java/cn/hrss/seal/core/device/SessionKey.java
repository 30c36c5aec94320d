package cn.hrss.seal.core.device;

/**
 * A symmetric session key held by a device session (SDF key handle) plus its KEK-wrapped bytes, which are what
 * the caller stores. The handle is opaque and valid only in the session that made it.
 */
public record SessionKey(Object handle, byte[] wrappedKey) {
    public SessionKey {
        wrappedKey = wrappedKey == null ? null : wrappedKey.clone();
    }

    @Override
    public byte[] wrappedKey() {
        return wrappedKey == null ? null : wrappedKey.clone();
    }
}
