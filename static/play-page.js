// The play page's only script: the question controls are plain form controls and need none.
// While an answer is sent, its button says so and takes no second tap; times show in local time.
addEventListener('submit', (event) => {
	const button = event.target.closest('form.answer')?.querySelector('button.submit');
	if (button) {
		button.disabled = true;
		button.textContent = 'Checking…';
	}
});
addEventListener('pageshow', (event) => {
	if (!event.persisted) return;
	for (const button of document.querySelectorAll('button.submit')) {
		button.disabled = false;
		button.textContent = 'Check my answer';
	}
});
for (const time of document.querySelectorAll('time[datetime]'))
	time.textContent = new Date(time.dateTime).toLocaleTimeString([], {
		hour: '2-digit',
		minute: '2-digit'
	});

// A timed play counts down (shown every second, announced only at a few moments so a screen
// reader is not interrupted each second); at zero the page reloads and the server shows results.
const countdown = document.querySelector('[data-left-ms]');
if (countdown) {
	const endsAt = Date.now() + Number(countdown.dataset.leftMs);
	const shown = countdown.querySelector('[data-left]');
	const announce = document.querySelector('[data-left-announce]');
	const moments = [300, 120, 60, 30, 10];
	const said = new Set(moments.filter((m) => m * 1000 >= Number(countdown.dataset.leftMs)));
	const tick = () => {
		const left = Math.max(0, Math.ceil((endsAt - Date.now()) / 1000));
		shown.textContent = `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`;
		for (const m of moments)
			if (left <= m && !said.has(m)) {
				said.add(m);
				announce.textContent =
					m >= 60 ? `${m / 60} minute${m === 60 ? '' : 's'} left.` : `${m} seconds left.`;
			}
		// A second's grace at zero, so the server's clock has surely passed the deadline too.
		if (left === 0) setTimeout(() => location.reload(), 1000);
		else setTimeout(tick, ((endsAt - Date.now()) % 1000 || 1000) + 20);
	};
	tick();
}
