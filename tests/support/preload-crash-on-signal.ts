// Loaded into the bot process (node --import) by the crash-guard tests: on SIGUSR2 it throws from a callback
// (CRASH_KIND=uncaught) or leaves a promise rejected with no handler (CRASH_KIND=unhandled), as a bug in the
// bot or in a library could, at a moment the test chooses.
process.on('SIGUSR2', () => {
  if (process.env.CRASH_KIND === 'unhandled') void Promise.reject(new Error('rejection injected by the test'));
  else
    setImmediate(() => {
      throw new Error('exception injected by the test');
    });
});
