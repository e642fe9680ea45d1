using Signalling.Sip.Messages;

namespace Signalling.Sip.Transactions;

/// <summary>A server transaction (RFC 3261 §17.2): receives a request, passes it to the TU and sends the TU's responses.</summary>
public abstract class SipServerTransaction : SipTransaction
{
    private protected SipServerTransaction(SipRequest request, SipHop source, SipTransactionContext context)
        : base(request, source, context)
    {
    }

    /// <summary>
    /// Sends a response from the TU to the hop the request came from. Returns false, sending
    /// nothing, when the figure has no transition for it in the current state (e.g. a second
    /// final response, or any response once Terminated).
    /// </summary>
    /// <param name="response">A response to <see cref="SipTransaction.Request"/>, e.g. from <see cref="SipResponseBuilder.CreateFor"/>.</param>
    public abstract bool SendResponse(SipResponse response);

    /// <summary>Sends the first response when the transaction is created (100 Trying for INVITE, §17.2.1) and starts its timers.</summary>
    internal abstract void Start();

    /// <summary>A retransmission of the request matched by §17.2.3.</summary>
    internal abstract void ReceiveRetransmission(SipRequest request);
}
