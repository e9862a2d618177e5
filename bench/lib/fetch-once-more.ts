// fetch for the benchmark's own setup requests between load tests. Node's fetch keeps idle
// connections; the server under test may close one of them during a long load test (its keep-alive
// timer runs while another process is measured, or while it is stopped with SIGSTOP), and a POST
// written into such a socket fails with EPIPE / "fetch failed" — fetch never retries a POST. The
// request is sent again once on such a network failure (never on an HTTP answer).
export async function fetchOnceMore(url: string, init: RequestInit = {}): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    return fetch(url, init);
  }
}
