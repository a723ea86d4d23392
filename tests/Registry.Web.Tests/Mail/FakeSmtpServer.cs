using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Registry.Web.Tests.Mail;

/// <summary>
/// A tiny SMTP server on 127.0.0.1, speaking just enough of the protocol (greeting, EHLO, MAIL, RCPT, DATA, QUIT).
/// It refuses the first <c>refusals</c> transactions with a temporary error, at MAIL FROM or after the message's
/// content, and accepts the rest, keeping each accepted message as it arrived.
/// </summary>
public sealed class FakeSmtpServer : IAsyncDisposable
{
    public enum RefusalPoint { MailFrom, EndOfData }

    private const string Refusal = "451 4.3.0 Mailbox temporarily unavailable, try again later";

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<string> _delivered = new();
    private readonly RefusalPoint _refuseAt;
    private readonly Task _accepting;
    private int _refusalsLeft;
    private int _connections;
    private int _refused;

    public FakeSmtpServer(int refusals, RefusalPoint refuseAt = RefusalPoint.MailFrom)
    {
        _refusalsLeft = refusals;
        _refuseAt = refuseAt;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;
    public int Connections => Volatile.Read(ref _connections);
    public int Refused => Volatile.Read(ref _refused);

    /// <summary>The accepted messages, as the client sent them after DATA (dot-stuffing undone).</summary>
    public IReadOnlyList<string> Delivered => [.. _delivered];

    private async Task AcceptAsync()
    {
        while (true)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            Interlocked.Increment(ref _connections);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private bool TakeRefusal(RefusalPoint at)
    {
        if (at != _refuseAt || Interlocked.Decrement(ref _refusalsLeft) < 0) return false;
        Interlocked.Increment(ref _refused);
        return true;
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.Latin1);
        await using var writer = new StreamWriter(stream, Encoding.Latin1) { NewLine = "\r\n", AutoFlush = true };
        try
        {
            await writer.WriteLineAsync("220 fake.test ESMTP ready");
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                switch (line.Split(' ', 2)[0].ToUpperInvariant())
                {
                    case "EHLO" or "HELO":
                        await writer.WriteLineAsync("250 fake.test");
                        break;
                    case "MAIL":
                        await writer.WriteLineAsync(TakeRefusal(RefusalPoint.MailFrom) ? Refusal : "250 2.1.0 OK");
                        break;
                    case "RCPT" or "RSET" or "NOOP":
                        await writer.WriteLineAsync("250 2.0.0 OK");
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                        var content = new StringBuilder();
                        while (await reader.ReadLineAsync(_stop.Token) is { } dataLine && dataLine != ".")
                            content.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine).Append("\r\n");
                        if (TakeRefusal(RefusalPoint.EndOfData))
                        {
                            await writer.WriteLineAsync(Refusal);
                        }
                        else
                        {
                            _delivered.Enqueue(content.ToString());
                            await writer.WriteLineAsync("250 2.0.0 Queued");
                        }
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 2.0.0 Bye");
                        return;
                    default:
                        await writer.WriteLineAsync("502 5.5.2 Command not recognized");
                        break;
                }
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The client hung up (as MailKit does after a refusal) or the server is stopping.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}
