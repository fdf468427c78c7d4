// The CRM back-office page: a plain script, no framework, no build step. Everything the server sends goes into the
// page as text (textContent), never as HTML; every write is JSON sent from this origin, which is all the server accepts.
'use strict';

(() => {
  const byId = (id) => document.getElementById(id);
  const state = { account: null, memberId: null, orders: [], currency: 'CNY' };

  // A refusal of the server, as its RFC 9457 problem details tell it (title, detail, the refusals listed).
  class Problem extends Error {
    constructor(status, title, detail, errors) {
      super(title);
      this.status = status;
      this.title = title;
      this.detail = detail;
      this.errors = errors;
    }
  }

  // The commission lines come a page at a time: follow the cursor until the last page.
  async function allCommissions(path) {
    const first = await call('GET', `${path}/commissions?limit=200`);
    const lines = [...first.lines];
    for (let next = first.next; next; ) {
      const page = await call('GET', `${path}/commissions?limit=200&cursor=${encodeURIComponent(next)}`);
      lines.push(...page.lines);
      next = page.next;
    }
    return { ...first, lines, next: null };
  }

  async function call(method, path, body) {
    const headers = { Accept: 'application/json' };
    const init = { method, headers, credentials: 'same-origin', cache: 'no-store' };
    if (method !== 'GET') {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body ?? {});
    }

    let response;
    try {
      response = await fetch(path, init);
    } catch {
      throw new Problem(0, 'The CRM cannot be reached', 'Check that it is running, then try again.', []);
    }

    const text = await response.text();
    let data = null;
    try {
      data = text ? JSON.parse(text) : null;
    } catch {
      data = null;
    }

    if (!response.ok) {
      throw new Problem(
        response.status,
        typeof data?.title === 'string' ? data.title : `The CRM answered ${response.status}`,
        typeof data?.detail === 'string' ? data.detail : '',
        Array.isArray(data?.errors) ? data.errors : []);
    }

    return data;
  }

  // Building the page from data: elements and text only.
  function element(tag, text) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) {
      node.textContent = String(text);
    }

    return node;
  }

  function cell(value) {
    const td = element('td');
    if (value instanceof Node) {
      td.append(value);
    } else {
      td.textContent = value === undefined || value === null ? '' : String(value);
    }

    return td;
  }

  function fillTable(id, rows) {
    const table = byId(id);
    const body = table.tBodies[0];
    if (rows.length === 0) {
      const empty = element('td', 'None');
      empty.colSpan = table.tHead.rows[0].cells.length;
      const tr = element('tr');
      tr.append(empty);
      body.replaceChildren(tr);
      return;
    }

    body.replaceChildren(...rows.map((cells) => {
      const tr = element('tr');
      tr.append(...cells.map(cell));
      return tr;
    }));
  }

  function fillFacts(id, pairs) {
    byId(id).replaceChildren(...pairs.flatMap(([term, value]) => [element('dt', term), element('dd', value)]));
  }

  const amountFormat = new Intl.NumberFormat('en', { minimumFractionDigits: 2, maximumFractionDigits: 4 });
  const money = (m) => (m ? `${amountFormat.format(m.amount)} ${m.currency}` : '');
  const instant = (iso) => (iso ? `${new Date(iso).toISOString().slice(0, 16).replace('T', ' ')} UTC` : '');
  const newId = (prefix) => `${prefix}-${crypto.randomUUID()}`;
  const isStaff = () => state.account?.role === 'staff' || state.account?.role === 'admin';

  function amountOf(text, field) {
    if (!/^[0-9]{1,15}(\.[0-9]{1,2})?$/.test(text)) {
      throw new Problem(0, 'The amount is invalid', `Write the ${field} as digits with at most two decimals, e.g. 100.50.`, []);
    }

    return { amount: Number(text), currency: state.currency };
  }

  // Telling the user.
  function showProblem(error) {
    const problem = error instanceof Problem ? error : new Problem(0, 'Something went wrong', String(error?.message ?? error), []);
    byId('problem-title').textContent = problem.title;
    byId('problem-detail').textContent = problem.detail;
    const listed = problem.errors.length > 1 ? problem.errors : [];
    byId('problem-errors').replaceChildren(...listed.map((e) => element('li', e.message)));
    byId('problem').hidden = false;
  }

  function clearMessages() {
    byId('problem').hidden = true;
    byId('notice').textContent = '';
  }

  const notice = (text) => {
    byId('notice').textContent = text;
  };

  // Runs one user action: messages cleared first, any refusal shown; a lost sign-in goes back to the sign-in form.
  async function run(action) {
    clearMessages();
    try {
      await action();
    } catch (error) {
      if (error instanceof Problem && error.status === 401) {
        showSignedOut();
      }

      showProblem(error);
    }
  }

  function showSignedOut() {
    state.account = null;
    state.memberId = null;
    byId('account').hidden = true;
    byId('sign-in').hidden = false;
    byId('find').hidden = true;
    byId('month-end').hidden = true;
    byId('month-end-summary').hidden = true;
    byId('member').hidden = true;
  }

  function showSignedIn(account) {
    state.account = account;
    byId('account-name').textContent = account.userName;
    byId('account-role').textContent = account.role;
    byId('account').hidden = false;
    byId('sign-in').hidden = true;
    byId('find').hidden = false;
    byId('month-end').hidden = account.role !== 'admin';
    if (account.memberId !== null && account.memberId !== undefined) {
      byId('member-id').value = String(account.memberId);
    }
  }

  async function showMember(id) {
    const path = `/members/${encodeURIComponent(id)}`;
    let answers;
    try {
      answers = await Promise.all([call('GET', path), allCommissions(path), call('GET', `${path}/history`), call('GET', `${path}/upline`)]);
    } catch (error) {
      byId('member').hidden = true; // never another member's data under this one's id
      state.memberId = null;
      throw error;
    }

    const [member, commissions, history, upline] = answers;
    state.memberId = member.id;
    state.orders = history.orders;
    state.currency = commissions.balance.available.currency;
    renderMember(member, commissions, history, upline);
    byId('member').hidden = false;
  }

  function renderMember(member, commissions, history, upline) {
    byId('member-title').textContent = String(member.id);

    // The value chain.
    byId('stage-now').textContent = member.stage;
    const since = byId('stage-since');
    since.dateTime = member.stageEnteredAt;
    since.textContent = instant(member.stageEnteredAt);
    fillTable('stage-history', history.stages.map((s) => [instant(s.occurredAt), s.from, s.to, s.trigger, s.reason]));

    // The membership and what it entitles to.
    const m = member.membership;
    byId('no-membership').hidden = Boolean(m);
    byId('membership-facts').hidden = !m;
    byId('entitlements').hidden = !m;
    if (m) {
      fillFacts('membership-facts', [
        ['Tier', m.tier],
        ['Status', m.status],
        ['Paid until', m.paidThrough],
        ['Promoter', m.isPromoter ? 'yes' : 'no'],
        ['Shopping discount', m.shoppingDiscount],
        ['Paid', money(m.totalPaid)],
        ['Refunded', money(m.totalRefunded)],
        ['Upgrade credit', money(m.credit)],
        ...(m.scheduledTier ? [['Scheduled tier', m.scheduledTier]] : []),
      ]);
      fillTable('entitlements', m.entitlements.map((e) => [e.productId, e.quantity ?? 'unlimited', e.consumed, e.remaining ?? 'unlimited', e.validFrom, e.validUntil]));
    }

    // The sponsor line: staff open a sponsor with one click.
    byId('no-sponsor').hidden = upline.sponsors.length > 0;
    byId('upline').replaceChildren(...upline.sponsors.map((s) => {
      const item = element('li', `Level ${s.level}: `);
      const name = `member ${s.memberId}`;
      if (isStaff()) {
        const open = element('button', name);
        open.type = 'button';
        open.addEventListener('click', () => run(async () => {
          byId('member-id').value = String(s.memberId);
          await showMember(s.memberId);
        }));
        item.append(open);
      } else {
        item.append(element('span', name));
      }

      item.append(`, ${s.stage}`);
      return item;
    }));

    // Orders, and the refund form for staff.
    fillTable('order-list', history.orders.map((o) => [o.orderId, o.item, o.kind, money(o.paid), money(o.refunded), instant(o.paidAt)]));
    byId('refund-form').hidden = !isStaff() || history.orders.length === 0;
    const select = byId('refund-order');
    const chosen = select.value;
    select.replaceChildren(...history.orders.map((o) => {
      const option = element('option', `${o.orderId} (${o.item}, ${money(o.paid)})`);
      option.value = o.orderId;
      return option;
    }));
    if (history.orders.some((o) => o.orderId === chosen)) {
      select.value = chosen;
    }

    if (!byId('refund-id').value) {
      byId('refund-id').value = newId('refund');
    }

    // Commissions.
    const b = commissions.balance;
    fillFacts('balance', [
      ['Pending', money(b.pending)],
      ['Available', money(b.available)],
      ['Withdrawing', money(b.withdrawing)],
      ['Paid out', money(b.paidOut)],
      ['Fees paid', money(b.feesPaid)],
      ['Net earned', money(b.netEarned)],
    ]);
    fillTable('commission-lines', commissions.lines.map((l) => [l.key.orderLineId, l.level, l.key.rule, money(l.amount), money(l.reversed), instant(l.availableAt), l.status]));

    // Withdrawals, and the request form for the member's own account.
    fillTable('withdrawal-list', history.withdrawals.map((w) => [
      w.withdrawalId, money(w.amount), money(w.fee), money(w.netPayout), instant(w.requestedAt),
      w.rejectionReason ? `${w.status}: ${w.rejectionReason}` : w.status, instant(w.settledAt),
    ]));
    byId('withdrawal-form').hidden = !(state.account?.role === 'member' && state.account.memberId === member.id);
    if (!byId('withdrawal-id').value) {
      byId('withdrawal-id').value = newId('withdrawal');
    }
  }

  function renderMonthEnd(report) {
    fillFacts('month-end-totals', [
      ['Period', report.period],
      ['Closed at', instant(report.closedAt)],
      ['Previous run', report.previousClosedAt ? instant(report.previousClosedAt) : 'none'],
      ['Commission released', money(report.releasedTotal)],
      ['Withdrawals paid', String(report.paidWithdrawals.length)],
    ]);
    fillTable('month-end-released', report.released.map((r) => [r.memberId, money(r.amount), money(r.available)]));
    fillTable('month-end-paid', report.paidWithdrawals.map((w) => [w.withdrawalId, w.memberId, money(w.amount), money(w.fee), money(w.netPayout)]));
    byId('month-end-expired').textContent = report.expiredMemberships.length > 0
      ? `Memberships expired: members ${report.expiredMemberships.join(', ')}.`
      : 'No membership expired.';
    byId('month-end-summary').hidden = false;
  }

  // The user's actions.
  byId('sign-in-form').addEventListener('submit', (event) => {
    event.preventDefault();
    run(async () => {
      const password = byId('password');
      let account;
      try {
        account = await call('POST', '/auth/sign-in', { userName: byId('user-name').value, password: password.value });
      } finally {
        password.value = '';
      }

      showSignedIn(account);
      if (account.memberId !== null && account.memberId !== undefined) {
        await showMember(account.memberId);
      } else {
        byId('member-id').focus();
      }
    });
  });

  byId('sign-out').addEventListener('click', () => run(async () => {
    await call('POST', '/auth/sign-out');
    showSignedOut();
    notice('Signed out.');
  }));

  byId('find-form').addEventListener('submit', (event) => {
    event.preventDefault();
    run(() => showMember(byId('member-id').value));
  });

  byId('refund-form').addEventListener('submit', (event) => {
    event.preventDefault();
    run(async () => {
      const orderId = byId('refund-order').value;
      const amount = byId('refund-amount').value.trim();
      const body = { refundId: byId('refund-id').value.trim() };
      if (amount) {
        body.amount = amountOf(amount, 'refund');
      }

      const refund = await call('POST', `/members/${encodeURIComponent(state.memberId)}/orders/${encodeURIComponent(orderId)}/refunds`, body);
      byId('refund-id').value = newId('refund'); // the next refund is another one; a failed one keeps its id, so a retry is the same refund
      byId('refund-amount').value = '';
      await showMember(state.memberId);
      notice(`Refund ${refund.refundId}: ${money(refund.amount)} back to the buyer, ${money(refund.commissionReversed)} of commission reversed.`);
    });
  });

  byId('withdrawal-form').addEventListener('submit', (event) => {
    event.preventDefault();
    run(async () => {
      const body = { withdrawalId: byId('withdrawal-id').value.trim(), amount: amountOf(byId('withdrawal-amount').value.trim(), 'withdrawal') };
      const withdrawal = await call('POST', `/members/${encodeURIComponent(state.memberId)}/withdrawals`, body);
      byId('withdrawal-id').value = newId('withdrawal');
      byId('withdrawal-amount').value = '';
      await showMember(state.memberId);
      notice(`Withdrawal ${withdrawal.withdrawalId}: ${money(withdrawal.netPayout)} will be paid at the next month-end.`);
    });
  });

  byId('run-month-end').addEventListener('click', () => run(async () => {
    const report = await call('POST', '/month-end');
    renderMonthEnd(report);
    if (state.memberId !== null) {
      await showMember(state.memberId); // the run moved balances and withdrawals
    }
  }));

  // On load: signed in already (the cookie lasts 8 hours), or the sign-in form.
  (async () => {
    try {
      const account = await call('GET', '/auth/me');
      showSignedIn(account);
      if (account.memberId !== null && account.memberId !== undefined) {
        await run(() => showMember(account.memberId));
      }
    } catch (error) {
      showSignedOut();
      if (!(error instanceof Problem && error.status === 401)) {
        showProblem(error);
      }
    }
  })();
})();
