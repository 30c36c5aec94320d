package cn.hrss.seal.demo;

/** A demo step that did not do what it should; the message says which and shows what the component answered. */
final class DemoFailure extends RuntimeException {
    DemoFailure(String message) {
        super(message);
    }
}
