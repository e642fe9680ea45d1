using Signalling.Sip.Messages;

namespace Signalling.Sip.Transactions;

/// <summary>A client transaction (RFC 3261 §17.1): sends a request and passes its responses to the TU.</summary>
public abstract class SipClientTransaction : SipTransaction
{
    private protected SipClientTransaction(SipRequest request, SipHop destination, SipTransactionContext context)
        : base(request, destination, context)
    {
    }

    /// <summary>Sends the request and starts the timers (the figures' entry arrow, "request from TU").</summary>
    internal abstract void Start();

    /// <summary>A response matched to this transaction by §17.1.3.</summary>
    internal abstract void ReceiveResponse(SipResponse response);
}
