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
