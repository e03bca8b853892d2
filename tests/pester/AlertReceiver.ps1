<#
    A local incoming-webhook receiver for the alert tests (Watch-PolytomicHealth): an HttpListener on 127.0.0.1 and a
    free port, served from a runspace of its own so that a runbook in a child process can post while the test waits.
    Each POST is answered 200 "ok" (as Slack and Teams answer) and its body kept in .Bodies.
        $receiver = Start-AlertReceiver      ...      Stop-AlertReceiver $receiver   (in AfterAll or finally)
    Not a *.Tests.ps1 file, so Invoke-Pester does not run it on its own.
#>
function Start-AlertReceiver {
    $probe = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $probe.Start(); $port = $probe.LocalEndpoint.Port; $probe.Stop()
    $listener = [System.Net.HttpListener]::new()
    $listener.Prefixes.Add("http://127.0.0.1:$port/")
    $listener.Start()
    $bodies = [System.Collections.Concurrent.ConcurrentQueue[string]]::new()
    $ps = [powershell]::Create()
    $null = $ps.AddScript({
        param($listener, $bodies)
        while ($listener.IsListening) {
            try { $ctx = $listener.GetContext() } catch { break }   # Stop() ends the wait
            $reader = [System.IO.StreamReader]::new($ctx.Request.InputStream, [System.Text.Encoding]::UTF8)
            $bodies.Enqueue($reader.ReadToEnd())
            $reader.Dispose()
            $bytes = [System.Text.Encoding]::UTF8.GetBytes('ok')
            $ctx.Response.StatusCode = 200
            $ctx.Response.OutputStream.Write($bytes, 0, $bytes.Length)
            $ctx.Response.Close()
        }
    }).AddArgument($listener).AddArgument($bodies)
    $handle = $ps.BeginInvoke()
    [pscustomobject]@{ Url = "http://127.0.0.1:$port/hooks/alerts"; Bodies = $bodies; Listener = $listener; PowerShell = $ps; Handle = $handle }
}

function Stop-AlertReceiver($Receiver) {
    if (-not $Receiver) { return }
    $Receiver.Listener.Stop()
    $Receiver.Listener.Close()
    try { $null = $Receiver.PowerShell.EndInvoke($Receiver.Handle) } catch { }
    $Receiver.PowerShell.Dispose()
}
