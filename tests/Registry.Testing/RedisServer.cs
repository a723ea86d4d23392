using System.ComponentModel;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Registry.Testing;

/// <summary>
/// A real redis-server of the test's own, on a free loopback port, keeping nothing on disk; stopped when disposed.
/// Debian's redis-server is installed by scripts/test.sh; without it the test fails and says so.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly Process _process;

    private RedisServer(Process process, int port) => (_process, Port) = (process, port);

    public int Port { get; }

    /// <summary>A StackExchange.Redis configuration string for <c>Redis:Configuration</c>.</summary>
    public string Configuration => $"127.0.0.1:{Port}";

    public static async Task<RedisServer> StartAsync()
    {
        var port = FreeLoopbackPort();
        var start = new ProcessStartInfo("redis-server")
        {
            ArgumentList = { "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
        }
        catch (Win32Exception exception)
        {
            throw new InvalidOperationException(
                "redis-server is not installed. scripts/test.sh installs it (apt-get install redis-server); install it to run this test.", exception);
        }
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new RedisServer(process, port);
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (process.HasExited) throw new InvalidOperationException($"redis-server on port {port} exited with {process.ExitCode}.");
            if (await server.AnswersPingAsync()) return server;
            await Task.Delay(50);
        }
        await server.DisposeAsync();
        throw new InvalidOperationException($"redis-server on port {port} did not answer PING within 5 seconds.");
    }

    /// <summary>Stops the server, as an outage would.</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
    }

    private async Task<bool> AnswersPingAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray());
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
