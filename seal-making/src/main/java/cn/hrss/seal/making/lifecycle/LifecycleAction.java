package cn.hrss.seal.making.lifecycle;

import cn.hrss.seal.making.api.SealState;

import java.util.EnumSet;
import java.util.Set;

/**
 * The lifecycle steps of LD/T 01.1 sections 7.6-7.10 and the states each may start from. REVOKED and EXPIRED are
 * terminal, as in the status system; a SUSPENDED (lost) seal can only be cancelled, its successor being applied for
 * when the loss is reported.
 */
enum LifecycleAction {
    /** 变更: unit or name changed; the seal is cancelled and a successor applied for. */
    CHANGE("change", EnumSet.of(SealState.VALID)),
    /** 挂失: carrier lost; the seal is suspended and a successor applied for. */
    LOSS("loss", EnumSet.of(SealState.VALID)),
    /** 注销: the holder gives the seal up. Terminal. */
    CANCEL("cancel", EnumSet.of(SealState.VALID, SealState.SUSPENDED)),
    /** 续期: new validity and certificate, same esID and key. */
    RENEW("renew", EnumSet.of(SealState.VALID)),
    /** 更换: carrier damaged; the seal is cancelled and a successor applied for. */
    REPLACE("replace", EnumSet.of(SealState.VALID));

    private final String path;
    private final Set<SealState> from;

    LifecycleAction(String path, Set<SealState> from) {
        this.path = path;
        this.from = from;
    }

    String path() {
        return path;
    }

    boolean allowedFrom(SealState state) {
        return from.contains(state);
    }
}
