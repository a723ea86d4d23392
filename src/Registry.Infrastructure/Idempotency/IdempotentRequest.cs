namespace Registry.Infrastructure.Idempotency;

/// <summary>
/// A caller's <c>Idempotency-Key</c> on an API request and, once it has one, the answer to keep for retries. A transport
/// concern (no rule of the registry reads it), so it lives here rather than in the domain, and is not audited: the
/// work it answered for is. Only a hash of the request is kept, never its path or body.
/// </summary>
public sealed class IdempotentRequest
{
    /// <summary>How long a key and its answer are kept; after that the key is new again.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    public IdempotentRequest(string caller, string key, string requestHash, DateTimeOffset receivedAt)
    {
        Caller = caller;
        Key = key;
        RequestHash = requestHash;
        ReceivedAt = receivedAt;
    }

    /// <summary>Whose key: <c>user:{id}</c>, <c>api-key:{id}</c>, or <c>anonymous</c>.</summary>
    public string Caller { get; private set; }

    public string Key { get; private set; }

    /// <summary>SHA-256 (hex) of the method, path and body: a key is for one request.</summary>
    public string RequestHash { get; private set; }

    public DateTimeOffset ReceivedAt { get; private set; }

    /// <summary>Null while the first request is still being worked on.</summary>
    public int? StatusCode { get; private set; }

    public string? ContentType { get; private set; }

    public string? Location { get; private set; }

    public byte[]? Body { get; private set; }

    public bool Answered => StatusCode is not null;
}
