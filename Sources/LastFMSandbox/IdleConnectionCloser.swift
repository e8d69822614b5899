import NIOCore

/// Closes a connection that has sent nothing for `SandboxConfiguration.idleLimit` (NIO's
/// `IdleStateHandler` says when), so that clients that connect and go quiet do not hold the
/// sandbox's connections for ever.
final class IdleConnectionCloser: ChannelInboundHandler, Sendable {
    typealias InboundIn = NIOAny

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let idle = event as? IdleStateHandler.IdleStateEvent, idle == .read {
            context.close(promise: nil)
            return
        }
        context.fireUserInboundEventTriggered(event)
    }
}
