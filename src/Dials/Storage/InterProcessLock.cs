using System.Runtime.InteropServices;

namespace Dials.Storage;

/// <summary>
/// The inter-process lock that serialises the writers of one file (a journal's appends, a SQLite database's write
/// transactions): an exclusive advisory lock on a sibling <c>.lock</c> file, which the operating system drops when its
/// holder exits, however it exits.
/// </summary>
/// <remarks>
/// <para>On Linux and macOS a waiter blocks in <c>flock(2)</c>, so the kernel hands the lock over the moment it is
/// released: with several workers on one file the lock never sits idle while a waiter sleeps. (.NET's own
/// exclusive open can only try the lock, so it would have to be polled.) The lock file is opened by <c>open(2)</c>
/// directly because .NET's open takes a lock of its own on the file, once, and kept open: a worker takes the lock a few
/// times per trial, and opening and closing the file each time showed in its profile. Since a <c>flock(2)</c> belongs
/// to the open file, which the threads of one process share, they take turns on a semaphore first.</para>
/// <para>Elsewhere (Windows) an exclusive open is the lock, and only a sharing violation (another holder) is retried,
/// after a pause that grows from a spin to 1 ms.</para>
/// <para>Every other failure (a read-only file system, no free inode or space, a name over the length limit, a lock
/// path that is a folder) is lasting: it is thrown at once as an <see cref="IOException"/> naming the lock file and the
/// operating system's error, rather than retried forever.</para>
/// </remarks>
internal sealed partial class InterProcessLock(string path)
{
    private static readonly bool UseFlock = OperatingSystem.IsLinux() || OperatingSystem.IsMacOS();
    private readonly SemaphoreSlim turn = new(1, 1);
    private Microsoft.Win32.SafeHandles.SafeFileHandle? handle;

    /// <summary>The lock file.</summary>
    public string FilePath => path;

    /// <summary>Takes the lock, waiting while another thread or process holds it; disposing the result releases it.</summary>
    /// <exception cref="IOException">The lock file cannot be opened or locked for a reason other than another
    /// holder.</exception>
    public IDisposable Acquire() => UseFlock ? AcquireFlock() : AcquireByExclusiveOpen();

    private FlockHeld AcquireFlock()
    {
        turn.Wait();
        try
        {
            handle ??= OpenShared(path);
            Lock(handle, path);
            return new FlockHeld(this, handle);
        }
        catch (IOException)
        {
            // Opened afresh next time, in case the handle itself is what failed.
            handle?.Dispose();
            handle = null;
            turn.Release();
            throw;
        }
    }

    /// <summary>Takes the exclusive <c>flock(2)</c> of an open file (Linux, macOS), waiting for another holder.</summary>
    /// <exception cref="IOException">The file cannot be locked for a reason other than another holder.</exception>
    private static void Lock(Microsoft.Win32.SafeHandles.SafeFileHandle handle, string path)
    {
        while (Native.Flock(handle, Native.LockExclusive) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            if (errno != Native.EINTR)
            {
                throw Failure(path, "cannot be locked", errno);
            }
        }
    }

    /// <summary>Releases the <c>flock(2)</c> <see cref="Lock"/> took, keeping the file open; false if that failed (the
    /// caller then closes the file, which releases it as surely).</summary>
    private static bool Unlock(Microsoft.Win32.SafeHandles.SafeFileHandle handle) => Native.Flock(handle, Native.Unlock) == 0;

    /// <summary>Opens (creating when missing) a lock file by <c>open(2)</c> itself (Linux, macOS), so that no lock of
    /// .NET's own comes with the handle: close-on-exec, so a child process started meanwhile cannot inherit, and so
    /// keep holding, a lock taken on it.</summary>
    /// <exception cref="IOException">The file cannot be opened or created: the message names it and the operating
    /// system's error.</exception>
    private static Microsoft.Win32.SafeHandles.SafeFileHandle OpenShared(string path)
    {
        var flags = Native.ReadWrite | (OperatingSystem.IsLinux() ? Native.CloseOnExecLinux : Native.CloseOnExecMac);
        for (var attempt = 0; ; attempt++)
        {
            var fd = Native.Open(path, flags);
            if (fd >= 0)
            {
                return new Microsoft.Win32.SafeHandles.SafeFileHandle(fd, ownsHandle: true);
            }

            var errno = Marshal.GetLastPInvokeError();
            if (errno == Native.EINTR)
            {
                continue;
            }

            if (errno != Native.ENOENT || attempt > 3)
            {
                throw Failure(path, "cannot be opened", errno);
            }

            // Missing: create it (creat(2) takes its mode as a fixed argument, unlike the variadic open(2)), close
            // that descriptor at once, and open again as above. Another process creating it meanwhile is fine.
            var created = Native.Create(path, Native.ReadWriteForAll);
            if (created < 0)
            {
                var createError = Marshal.GetLastPInvokeError();
                if (createError != Native.EINTR)
                {
                    throw Failure(path, "cannot be created", createError);
                }
            }
            else
            {
                new Microsoft.Win32.SafeHandles.SafeFileHandle(created, ownsHandle: true).Dispose();
            }
        }
    }

    private FileStream AcquireByExclusiveOpen()
    {
        var spin = new SpinWait();
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException error) when (IsSharingViolation(error))
            {
                if (spin.NextSpinWillYield && spin.Count > 20)
                {
                    Thread.Sleep(1);
                }
                else
                {
                    spin.SpinOnce();
                }
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                throw new IOException($"Lock file '{path}' cannot be opened: {error.Message}", error);
            }
        }
    }

    /// <summary>Whether an exclusive open failed only because another handle holds the file (Windows'
    /// ERROR_SHARING_VIOLATION or ERROR_LOCK_VIOLATION; on Unix, .NET reports EWOULDBLOCK's errno).</summary>
    private static bool IsSharingViolation(IOException error) =>
        error.GetType() == typeof(IOException) && (error.HResult & 0xFFFF) is 32 or 33 or 11 or 35;

    private static IOException Failure(string path, string what, int errno) =>
        new($"Lock file '{path}' {what}: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno}).");

    /// <summary>Holds the lock until disposed, which unlocks the kept file and lets this process's next thread in. (A
    /// process that dies holding it loses it with its descriptors.)</summary>
    private sealed class FlockHeld(InterProcessLock owner, Microsoft.Win32.SafeHandles.SafeFileHandle file) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                if (!Unlock(file))
                {
                    owner.handle = null;
                    file.Dispose();
                }

                owner.turn.Release();
            }
        }
    }

    /// <summary>The few POSIX calls the lock needs; blittable or UTF-8 arguments only, generated at compile time
    /// (trimming- and NativeAOT-safe).</summary>
    private static partial class Native
    {
        public const int ReadWrite = 2; // O_RDWR, the same on Linux and the BSDs
        public const int CloseOnExecLinux = 0x80000; // O_CLOEXEC on Linux
        public const int CloseOnExecMac = 0x1000000; // O_CLOEXEC on macOS
        public const int LockExclusive = 2; // LOCK_EX
        public const int Unlock = 8; // LOCK_UN
        public const int ReadWriteForAll = 0x1B6; // 0666, narrowed by the umask
        public const int ENOENT = 2;
        public const int EINTR = 4;

        [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
        public static partial int Open(string path, int flags);

        [LibraryImport("libc", EntryPoint = "creat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
        public static partial int Create(string path, int mode);

        [LibraryImport("libc", EntryPoint = "flock", SetLastError = true)]
        public static partial int Flock(Microsoft.Win32.SafeHandles.SafeFileHandle fd, int operation);
    }
}
